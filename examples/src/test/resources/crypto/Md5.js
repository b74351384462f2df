// The Node original of dev.nodeshim.examples.crypto.Md5 (seeds/002, "## MD5加密"), with the digest the
// seed's md5() forgets (as written it returns the Hash object, and toUpperCase() throws).
const crypto = require('crypto');
const md5 = str => {
    return crypto.createHash('md5').update(str, 'utf8').digest('hex');
};

console.log(md5('123456789'));

console.log(md5('123456789').toUpperCase());

// the seed's other two digest encodings
console.log(crypto.createHash('md5').update('123456789', 'utf8').digest('base64'));
console.log(crypto.createHash('md5').update('123456789', 'utf8').digest('binary').length);
