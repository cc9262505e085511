// Recursive calls: naive Fibonacci (about 1.7 million calls).
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
out('fib(30) ' + fib(30));
