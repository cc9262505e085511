// A regular expression literal makes a new RegExp object each time it is evaluated, from a pattern compiled once.
const re = /(\d+)-(\d+)/;
const m = re.exec('call 555-1234 now');
console.log(m[1], m[2], m.index);
