// The Node original of dev.nodeshim.examples.crypto.CipherRoundTrip (seeds/002, "## 对称密钥加密Cipher"),
// with the seed's typos fixed ('desc-ecb', 'uft8', encryted). Node 20 (OpenSSL 3) refuses des-ecb
// unless started with --openssl-legacy-provider, so the seed's functions print 加密失败 / 解密失败;
// the same round trip then runs with aes-128-cbc.
const crypto = require('crypto');

function cipher(str, algorithm, key, iv) {
    try {
        const cipher = crypto.createCipheriv(algorithm, key, iv);
        let encrypted = cipher.update(str, 'utf8', 'hex');
        encrypted += cipher.final('hex');
        return encrypted;
    } catch (e) {
        console.log('加密失败');
        return e.message || e;
    }
}

function decipher(encrypted, algorithm, key, iv) {
    try {
        const decipher = crypto.createDecipheriv(algorithm, key, iv);
        let decrypted = decipher.update(encrypted, 'hex', 'utf8');
        decrypted += decipher.final('utf8');
        return decrypted;
    } catch (e) {
        console.log('解密失败');
        return e.message || e;
    }
}

console.log(cipher('hello world !!!', 'des-ecb', '12345678', ''));
console.log(decipher('28dba02eb5f6dd478852f80ed9fa959e', 'des-ecb', '12345678', ''));

const encrypted = cipher('hello world !!!', 'aes-128-cbc', '1234567890abcdef', 'abcdef1234567890');
console.log(encrypted);
console.log(decipher(encrypted, 'aes-128-cbc', '1234567890abcdef', 'abcdef1234567890'));
console.log(decipher(encrypted, 'aes-128-cbc', '1234567890abcdeX', 'abcdef1234567890'));
