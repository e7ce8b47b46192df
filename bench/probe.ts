// Preloaded (`node --import`) into each contestant's process: answers the bench's IPC request for
// this process's CPU time and memory, so each server's cost is read from inside it.
import type { Usage } from './ipc.js';

// tsx turns source maps on; the built server (`node dist/…`) runs without them. With them on, every
// stack the driver captures per statement is mapped back to TypeScript, a cost no deployment pays.
process.setSourceMapsEnabled(false);

const send = process.send?.bind(process);
if (send !== undefined) {
  process.on('message', (message: { id?: number; kind?: string }) => {
    if (message.kind !== 'usage') return;
    const cpu = process.cpuUsage();
    const usage: Usage = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      rss: process.memoryUsage.rss(),
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
    send({ id: message.id, usage });
  });
  // A bench that dies without stopping its contestants must not leave them serving.
  process.once('disconnect', () => process.exit(0));
}
