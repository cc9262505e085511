function risky() { throw new Error('ignored'); }
try { risky(); } catch (e) { console.log('caught'); }
console.log('done');
