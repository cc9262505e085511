// Recursion: each call pushes a new frame with its own registers on the VM's explicit call stack.
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(fact(5));
