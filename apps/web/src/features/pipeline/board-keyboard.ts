import { KeyboardCode, type ClientRect, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';

/**
 * Keyboard dragging on the board: Left and Right jump a whole column (dnd-kit's default moves
 * 25 px per key press, which takes a dozen presses per column); Up and Down keep the default.
 * Columns are the droppables, ordered by where they sit on screen.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, over } = context;
  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) {
    return { ...currentCoordinates, y: currentCoordinates.y + (event.code === KeyboardCode.Down ? 25 : -25) };
  }
  if ((event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) || !collisionRect) return undefined;
  event.preventDefault();

  const columns = [...droppableRects.entries()].sort(([, a], [, b]) => a.left - b.left);
  const current = over ? columns.findIndex(([id]) => id === over.id) : columnUnder(columns, collisionRect);
  const target = columns[current + (event.code === KeyboardCode.Right ? 1 : -1)];
  if (current === -1 || !target) return undefined;
  const rect = target[1];
  return { x: rect.left + Math.max(0, (rect.width - collisionRect.width) / 2), y: currentCoordinates.y };
};

function columnUnder(columns: [UniqueIdentifier, ClientRect][], rect: ClientRect): number {
  const middle = rect.left + rect.width / 2;
  return columns.findIndex(([, column]) => column.left <= middle && middle <= column.left + column.width);
}
