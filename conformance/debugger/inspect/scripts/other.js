module.exports = { name: 'other' };
