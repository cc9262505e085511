// Intl.Collator, localeCompare with options, locale case mapping, PluralRules, RelativeTimeFormat, ListFormat, DisplayNames, Segmenter, Locale.
const show = (label, value) => console.log(`${label}: ${value}`);
show('sort', ['b', 'a', 'B', 'ä', 'z'].sort(new Intl.Collator('en').compare).join(' '));
show('sort sv', ['b', 'a', 'ä', 'z'].sort(new Intl.Collator('sv').compare).join(' '));
show('numeric', ['item10', 'item9', 'item1'].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })).join(' '));
show('base', 'a'.localeCompare('á', 'en', { sensitivity: 'base' }));
show('accent', 'a'.localeCompare('á', 'en', { sensitivity: 'accent' }));
show('upper first', ['a', 'A'].sort(new Intl.Collator('en', { caseFirst: 'upper' }).compare).join(' '));
show('turkish', 'istanbul'.toLocaleUpperCase('tr') + ' ' + 'İSTANBUL'.toLocaleLowerCase('tr'));
show('plural', [0, 1, 2, 5].map((n) => new Intl.PluralRules('en-US').select(n)).join(' '));
show('ordinal', [1, 2, 3, 4, 11, 21].map((n) => new Intl.PluralRules('en-US', { type: 'ordinal' }).select(n)).join(' '));
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
show('relative', [rtf.format(-1, 'day'), rtf.format(2, 'weeks'), rtf.format(0, 'year'), new Intl.RelativeTimeFormat('es').format(-3, 'hour')].join(' | '));
show('list', [new Intl.ListFormat('en').format(['a', 'b', 'c']), new Intl.ListFormat('en', { type: 'disjunction' }).format(['a', 'b']),
  new Intl.ListFormat('de').format(['x', 'y', 'z'])].join(' | '));
show('display names', [new Intl.DisplayNames('en', { type: 'region' }).of('DE'), new Intl.DisplayNames('en', { type: 'language' }).of('fr-CA'),
  new Intl.DisplayNames('de', { type: 'currency' }).of('USD'), new Intl.DisplayNames('en', { type: 'script' }).of('Cyrl')].join(' | '));
show('graphemes', [...new Intl.Segmenter('en').segment('e\u0301a👍🏽')].map((s) => s.segment).length);
show('words', [...new Intl.Segmenter('en', { granularity: 'word' }).segment('Hello, world!')].filter((s) => s.isWordLike).map((s) => s.segment).join('|'));
const loc = new Intl.Locale('en-Latn-US-u-ca-gregory-hc-h12');
show('locale', `${loc.language} ${loc.script} ${loc.region} ${loc.calendar} ${loc.hourCycle} ${loc.baseName}`);
show('maximize', `${new Intl.Locale('zh').maximize()} ${new Intl.Locale('en-Latn-US').minimize()}`);
show('canonical', Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw']).join(' '));
show('supported', Intl.NumberFormat.supportedLocalesOf(['en-US', 'de', 'zz']).join(' '));
