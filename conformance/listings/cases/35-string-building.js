// Strings are immutable: each += makes a new string (ropes keep it cheap), and s.length reads the string's own length.
let s = '';
for (let i = 0; i < 5; i++) s += i;
console.log(s, s.length);
