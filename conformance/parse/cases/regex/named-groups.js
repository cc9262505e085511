// expect: ok
var r = /(?<year>\d{4})-\k<year>/u;
