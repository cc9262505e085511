// Intl.DateTimeFormat and Date toLocale*String in fixed time zones: styles, components, hour cycles, parts, ranges.
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
const show = (label, value) => console.log(`${label}: ${value}`);
show('toLocaleString', d.toLocaleString('en-US', { timeZone: 'UTC' }));
show('toLocaleDateString', d.toLocaleDateString('en-US', { timeZone: 'UTC' }));
show('toLocaleTimeString', d.toLocaleTimeString('en-US', { timeZone: 'UTC' }));
show('en-GB', d.toLocaleString('en-GB', { timeZone: 'UTC' }));
show('de-DE full/long', new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeStyle: 'long', timeZone: 'Europe/Berlin' }).format(d));
show('ja-JP', new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(d));
show('long date', new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(d));
show('h23', new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(d));
show('hour12 false', new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', hour12: false, timeZone: 'UTC' }).format(d));
show('fractional seconds', new Intl.DateTimeFormat('en-US', { minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, timeZone: 'UTC' }).format(d));
show('time zone name', new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'short', hour: 'numeric' }).format(d));
show('japanese calendar', new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }).format(d));
show('parts', JSON.stringify(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).formatToParts(d)));
show('range', new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).formatRange(d, new Date(Date.UTC(2024, 2, 3))));
const ro = new Intl.DateTimeFormat('en-US', { hour: 'numeric', timeZone: 'Asia/Kolkata' }).resolvedOptions();
show('resolved', `${ro.locale} ${ro.calendar} ${ro.numberingSystem} ${ro.hourCycle} ${ro.hour12} ${ro.hour}`);
show('invalid date', new Date(NaN).toLocaleString());
for (const bad of [() => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' }), () => new Intl.DateTimeFormat('en', { dateStyle: 'short', hour: 'numeric' }),
  () => new Intl.DateTimeFormat('en').format(NaN), () => new Intl.DateTimeFormat('en', { hourCycle: 'h25' })]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(`error: ${e.name}`); }
}
