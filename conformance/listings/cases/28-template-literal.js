// A template literal is string concatenation: each ${} is converted with ToString and appended.
const who = 'glass';
const n = 3;
console.log(`${who} has ${n * 2} legs? ${n > 2}`);
