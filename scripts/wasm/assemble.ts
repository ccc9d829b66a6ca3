// npm run wasm: assembles src/engine/wasm/kernels.wat into src/engine/wasm/kernelsBinary.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleKernels, binaryModuleSource } from '../../src/engine/wasm/assemble.ts';

const bytes = await assembleKernels();
const out = fileURLToPath(new URL('../../src/engine/wasm/kernelsBinary.ts', import.meta.url));
writeFileSync(out, binaryModuleSource(bytes));
console.log(`kernels.wasm: ${bytes.length} bytes → ${out}`);
