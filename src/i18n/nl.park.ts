// Dutch (nl-BE) texts of the park tablet's intake: the kinds offered first, the weight question,
// the note's counter, labels of the wrong kind, a new cage, a count that differs.
export const nlPark = {
  'form.category.more': 'Alle soorten ({count})',
  'form.category.fewer': 'Minder soorten',
  'form.weight.ask': 'Klopt {weight} kg voor een {kind}?',
  'form.weight.ask.hint': 'Meer dan {max} kg is ongewoon voor dit soort toestel.',
  'form.weight.ask.yes': 'Ja, {weight} kg klopt',
  'form.weight.ask.fix': 'Gewicht aanpassen',
  'form.error.weight-max': 'Een toestel weegt hier hoogstens {max} kg. Kijk het gewicht na.',
  'form.note.count': '{count} / {max} tekens',

  'scan.error.double-prefix':
    'Deze code begint twee keer (BK en BW). Een toestel begint met BW, een kooi met BK: typ de code zoals ze op het label staat.',
  'scan.error.item-not-cage':
    'Dit is de code van een toestel (BW), niet van een kooi. Scan of typ het label op de kooi.',
  'scan.error.cage-not-item':
    'Dit is de code van een kooi (BK), niet van een toestel. Scan of typ het label op het toestel.',
  'cage.new.ask': 'Nieuwe kooi openen?',
  'cage.new.ask.detail': 'Kooi {code} is nog niet gebruikt op dit toestel.',
  'cage.new.ask.replaces': 'Nieuwe toestellen gaan dan in deze kooi, niet meer in {open}.',
  'cage.new.yes': 'Ja, kooi openen',
  'cage.new.no': 'Nee',

  'cage.close.ask':
    'Je telt {counted}, maar er zijn er {expected} geregistreerd. Tel opnieuw, of sluit toch: het verschil wordt bewaard en de kringwinkel ziet het.',
  'cage.close.recount': 'Opnieuw tellen',
  'cage.close.anyway': 'Toch sluiten met {counted}',
  'cage.count-differs': 'Geteld {counted}, geregistreerd {registered}',
} as const;
