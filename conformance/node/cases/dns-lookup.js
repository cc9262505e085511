// dns.lookup and dns.promises.lookup: localhost by family, IP literals, all: true, and bad arguments
const dns = require('dns');
const show = (f) => { try { const v = f(); if (v !== undefined) console.log(v); } catch (e) { console.log(`${e.name} ${e.code} ${e.message}`); } };
dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  console.log('lookup', err, address, family);
  dns.lookup('127.0.0.1', (err, address, family) => {
    console.log('ip', err, address, family);
    dns.lookup('::1', { all: true }, (err, addresses) => {
      console.log('all', err, addresses);
      dns.lookup('127.0.0.1', { family: 'IPv4', all: true }, (err, addresses) => {
        console.log('IPv4', err, addresses);
        dns.promises.lookup('127.0.0.1', { all: true }).then((r) => {
          console.log('promise', r);
          return require('dns/promises').lookup('localhost', 4);
        }).then((r) => console.log('promise', r));
      });
    });
  });
});
show(() => dns.lookup(5, () => {}));
show(() => dns.lookup('x'));
show(() => dns.lookup('x', { family: 5 }, () => {}));
show(() => dns.lookup('x', { all: 1 }, () => {}));
show(() => dns.lookup('x', 'four', () => {}));
show(() => require('node:dns') === dns);
show(() => dns.promises === require('dns/promises'));
