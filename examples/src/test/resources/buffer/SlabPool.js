// Seeds 002, "Buffer内存分配原理": small buffers are cut from one 8 KiB slab, big ones are not.
console.log(Buffer.poolSize);
// Start on a fresh slab, so that the layout below does not depend on what ran before.
let prev = Buffer.allocUnsafe(4095);
let cur;
while ((cur = Buffer.allocUnsafe(4095)).buffer === prev.buffer) prev = cur;
console.log(cur.byteOffset);
const a = Buffer.allocUnsafe(5);
const b = Buffer.allocUnsafe(13);
const c = Buffer.allocUnsafe(2 * 1024);
const big = Buffer.allocUnsafe(4 * 1024);
console.log(a.buffer === b.buffer, b.byteOffset - a.byteOffset);
console.log(b.buffer === c.buffer, c.byteOffset - b.byteOffset);
console.log(a.buffer.byteLength, big.buffer.byteLength, big.byteOffset);
console.log(Buffer.alloc(16).buffer.byteLength);
const slice = b.subarray(0, 4);
slice.fill(0x61);
console.log(b.toString('latin1', 0, 4), slice.buffer === b.buffer);
