import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column's heading; `width` fixes the column's width (inputs, buttons, numbers). */
export type DataColumn = string | { label: ReactNode; width?: number };

/**
 * A labelled table with one header row, scrolling sideways below `minWidth` (on a phone) rather
 * than squeezing its columns; the rows are the children. The settings lists, editors and logs
 * all have this shape.
 */
export function DataTable({
  label,
  columns,
  minWidth,
  nativeScroll,
  children,
  ...table
}: Omit<TableProps, 'children'> & {
  label: string;
  columns: DataColumn[];
  minWidth: number;
  /** The browser's own horizontal scrollbar instead of Mantine's scroll area. */
  nativeScroll?: boolean;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type={nativeScroll ? 'native' : undefined}>
      <Table aria-label={label} {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) =>
              typeof column === 'string' ? (
                <Table.Th key={index}>{column}</Table.Th>
              ) : (
                <Table.Th key={index} w={column.width}>
                  {column.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
