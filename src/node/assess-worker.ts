// The entry point of a worker thread started by `assessFiles` (built to dist/assess-worker.js).
import { workerTask } from "./assess-files.js";
import { serveTasks } from "./pool.js";

serveTasks(workerTask);
