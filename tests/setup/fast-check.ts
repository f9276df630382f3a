import fc from "fast-check";
import { SEED } from "../fuzz/config.js";

// Every fast-check property draws from the run's seed (fixed unless FUZZ_SEED says otherwise; see
// tests/fuzz/config.ts), so the same commit always checks the same inputs.
fc.configureGlobal({ seed: SEED });
