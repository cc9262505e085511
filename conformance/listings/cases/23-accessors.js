// Getters and setters are accessor properties: reading or writing the name calls the function.
const temp = {
  celsius: 20,
  get fahrenheit() { return this.celsius * 9 / 5 + 32; },
  set fahrenheit(f) { this.celsius = (f - 32) * 5 / 9; },
};
temp.fahrenheit = 212;
console.log(temp.celsius, temp.fahrenheit);
