function greet(name) {
  const text = `hello ${name}`;
  return text;
}
console.log(greet('a'));
console.log(greet('b'));
