// The training server's decision writer: a worker thread with its own SQLite connection (WAL,
// synchronous = FULL) that commits each batch of decisions and answers with their sequence numbers once
// the commit is on disk. The fsync waits here, never on the server's event loop (src/server/writer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openDecisionWriter, type WriterRequest, type WriterReply } from '../src/server/writer-db';

if (!parentPort) throw new Error('decision-writer runs as a worker thread');
const port = parentPort;
const write = openDecisionWriter((workerData as { file: string }).file);
port.on('message', (req: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id: req.id, seqs: write(req.batch) };
  } catch (e) {
    reply = { id: req.id, error: (e as Error).message };
  }
  port.postMessage(reply);
});
