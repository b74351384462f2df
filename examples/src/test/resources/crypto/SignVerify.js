'use strict';
// The Node original of SignVerify.java: the seed's crypto chapter names signing and verification
// (签名、以及验证) without code; this is the usual Node passage, with fixed keys so the output is fixed.
const crypto = require('crypto');

const privateKey = `-----BEGIN PRIVATE KEY-----
MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBALxKzJFI/0+CsEd+
HkU2oS8364M0RjVzgwOcAACZECltMSwfLtkaOmnCz6fSBh9GHmG6gyIMnQWHQ4g7
2Nus3JNgUwaqPH2FYo3PaujZr2kkduID9crpBElYQxEQU0JfIkgQdcTdvUg6i4IA
Ji1pR1oQ1vBRonFoGrWLN/YYC1HlAgMBAAECgYBv01SO7HWEuS8MJqC/pmQv8NwU
PhV8ZS/oEtwFfuIUWF8dvx9JnMQYT7SYDKnKJRCiJez/adJPmDfJTxHJ1W3hrC6K
A7PGy6wC4MotWONiNoayqet+xaInAwe22FvBN0GL4PJnmq9Os10DBFHcZltkbjld
evMY0wth+JQAF3RuOQJBAOHGWsbjvN4C1gFo6xiFLD3xOWEqESwdH40Z22HdcYhV
gdwqQhFKOqG41u4YGTTMcs73xHkxUpqoHzM6fo5gnNcCQQDVf9uO9jwxBHYlMF+G
aYD9JFIWm2rom/5+i1fbP1Uj+PCLoDxL4mWfYDH2GIuRUBfnvQYrO4shB6/ge0W2
SJOjAkEA2jvVOzKfOSocmjhEJutzHFyzTgxPlQiBmu5HdI2MVG/ymlHukq/hhLka
aAK7OqH0x8IPE+ZtJjkkD2yXMCCK+QJBAINWUD62A3k0AWoHQ/xv0sXnHgiCO1Y1
AG3gUn+xijLC5Vc/j1gvQcy1ZIa7ur/9wXbxtWXLD1+WVv+FVfE43HkCQQCfJjOj
ZETdhaBqAw54/2OZVn6WMLMuCNssFGyBdIYMtmwzlfJiGcvLHOOJTcMXtDFjLaKI
4Vg4uNBAawR1dV76
-----END PRIVATE KEY-----
`;
const publicKey = crypto.createPublicKey(privateKey);

const sign = crypto.createSign('SHA256');
sign.update('some data ');
sign.update('to sign');
const signature = sign.sign(privateKey, 'base64');
console.log(signature);

const verify = crypto.createVerify('SHA256');
verify.update('some data to sign');
console.log(verify.verify(publicKey, signature, 'base64'));
console.log(crypto.verify('sha256', Buffer.from('some other data'), publicKey, Buffer.from(signature, 'base64')));

const edKey = crypto.createPrivateKey(`-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIIs4mqKvDrs0n/inR/ViGK383Le0hMpAb5PydKfoGvRi
-----END PRIVATE KEY-----
`);
const edSignature = crypto.sign(null, Buffer.from('hello'), edKey);
console.log(edSignature.toString('hex'));
console.log(crypto.verify(null, Buffer.from('hello'), crypto.createPublicKey(edKey), edSignature));
console.log(crypto.createPublicKey(edKey).export({ format: 'jwk' }).x);

const { publicKey: ecPublic, privateKey: ecPrivate } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecSignature = crypto.sign('sha256', Buffer.from('hello'), { key: ecPrivate, dsaEncoding: 'ieee-p1363' });
console.log(ecSignature.length);
console.log(crypto.verify('sha256', Buffer.from('hello'), { key: ecPublic, dsaEncoding: 'ieee-p1363' }, ecSignature));
