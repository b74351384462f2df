// Seeds 002, "Buffer基本使用": the ways to create a Buffer.
const buf4 = Buffer.from([1, 2, 3]);
const buf5 = Buffer.from([257, 257.5, -255, '1']);
const buf6 = Buffer.from('tést');
const buf7 = Buffer.from('tést', 'latin1');
const buf1 = Buffer.alloc(10);
const buf2 = Buffer.alloc(10, 1);
const buf3 = Buffer.allocUnsafe(10);
console.log(buf4);
console.log(buf5);
console.log(buf6);
console.log(buf7);
console.log(buf1);
console.log(buf2);
console.log(buf3.length);
