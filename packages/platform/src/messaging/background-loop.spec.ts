import { BackgroundLoop } from './background-loop';

describe('BackgroundLoop', () => {
  it('runs again at once while there is work, waits otherwise, and wakes on a nudge', async () => {
    let work = 3;
    let steps = 0;
    const loop = new BackgroundLoop(async () => {
      steps++;
      return work-- > 0;
    }, 60_000);
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toBe(4); // three with work, then one that found none and went idle
    loop.nudge();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toBe(5);
    await loop.stop();
    expect(loop.isRunning).toBe(false);
  });

  it('keeps a nudge that arrives while a step runs', async () => {
    let steps = 0;
    let loop: BackgroundLoop | undefined;
    loop = new BackgroundLoop(async () => {
      if (++steps === 1) loop!.nudge();
      return false;
    }, 60_000);
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps).toBe(2);
    await loop.stop();
  });
});
