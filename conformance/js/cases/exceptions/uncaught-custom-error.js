// A subclass of Error: String(e) uses its name.
class ValidationError extends Error {
  constructor(message) { super(message); this.name = 'ValidationError'; }
}
console.log('validating');
throw new ValidationError('field is required');
