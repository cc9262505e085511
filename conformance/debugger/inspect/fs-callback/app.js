const fs = require('fs');
const path = require('path');
fs.readFile(path.join(__dirname, 'data.txt'), 'utf8', (err, text) => {
  const words = text.trim().split(' ');
  console.log(words.length, 'words');
});
console.log('reading');
