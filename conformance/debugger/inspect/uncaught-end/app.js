console.log('before');
null.property;
