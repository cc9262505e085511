// Intl.NumberFormat and Number/BigInt toLocaleString: grouping, currencies, units, percent, compact and scientific notation, parts, options.
const show = (label, value) => console.log(`${label}: ${value}`);
show('default', (1234567.891).toLocaleString());
show('en-US', (1234567.891).toLocaleString('en-US'));
show('de-DE', (1234567.891).toLocaleString('de-DE'));
show('fr-FR', (1234567.891).toLocaleString('fr-FR'));
show('en-IN', (1234567.891).toLocaleString('en-IN'));
show('bigint', (12345678901234567890n).toLocaleString('en-US'));
show('negative zero', (-0).toLocaleString());
show('NaN, Infinity', [NaN, -Infinity].map((n) => n.toLocaleString()).join(' '));
show('EUR de', new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5));
show('JPY', new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(1234.5));
show('USD name', new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencyDisplay: 'name' }).format(2));
show('accounting', new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(-5));
show('percent', new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(0.2567));
show('unit', new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour' }).format(88));
show('unit long', new Intl.NumberFormat('en-US', { style: 'unit', unit: 'liter', unitDisplay: 'long' }).format(3));
show('compact', [999, 1234, 1234567, 1.5e9].map((n) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(n)).join(' '));
show('compact long', new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).format(1234567));
show('scientific', new Intl.NumberFormat('en-US', { notation: 'scientific' }).format(123456));
show('engineering', new Intl.NumberFormat('en-US', { notation: 'engineering' }).format(123456));
show('significant', new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(123456.789));
show('fraction digits', new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1.005));
show('integer digits', new Intl.NumberFormat('en-US', { minimumIntegerDigits: 4, useGrouping: false }).format(42));
show('signDisplay', [-1, 0, 1].map((n) => new Intl.NumberFormat('en-US', { signDisplay: 'exceptZero' }).format(n)).join(' '));
show('arabic digits', new Intl.NumberFormat('ar-EG').format(1234.5));
show('numberingSystem', new Intl.NumberFormat('en-US', { numberingSystem: 'thai' }).format(1234));
show('parts', JSON.stringify(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).formatToParts(-1234.56)));
for (const bad of [() => new Intl.NumberFormat('en', { style: 'currency' }), () => new Intl.NumberFormat('en', { currency: 'US' }),
  () => new Intl.NumberFormat('en', { maximumFractionDigits: 101 }), () => new Intl.NumberFormat('en', { style: 'unit', unit: 'parsec' }),
  () => (1).toLocaleString('not a locale!')]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(`error: ${e.name}`); }
}
