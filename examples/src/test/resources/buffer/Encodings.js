// Seeds 002, "Buffer与字符编码" and "字符串与Buffer类型互转".
const buf = Buffer.from('hello world', 'utf8');
console.log(buf);
console.log(buf.toString('hex'));
console.log(buf.toString('base64'));
console.log(buf.toString('UTF-8'));
const zh = Buffer.from('Node.js 技术栈', 'UTF-8');
console.log(zh.toString('UTF-8', 0, 9));
console.log(zh.toString('UTF-8', 0, 11));
console.log(zh.subarray(8, 11));
for (const b of Buffer.from([1, 2, 3])) {
  console.log(b);
}
