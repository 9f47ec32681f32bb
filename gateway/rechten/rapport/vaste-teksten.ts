/**
 * The fixed parts of an access report, in B1 Dutch: the rights (AVG art. 16-18, 21), the complaint to
 * the Autoriteit Persoonsgegevens (art. 15(1)(f), art. 77), how the linking proposals work (art.
 * 15(1)(h)) and what the log proofs do and do not prove.
 */
export const rechten = [
  {
    recht: 'Rectificatie',
    artikel: 'AVG artikel 16',
    uitleg: 'Klopt iets niet? Dan kunt u vragen om het te verbeteren of aan te vullen.',
  },
  {
    recht: 'Wissing',
    artikel: 'AVG artikel 17',
    uitleg: 'U kunt vragen om gegevens te wissen, bijvoorbeeld als ze niet meer nodig zijn.',
  },
  {
    recht: 'Beperking',
    artikel: 'AVG artikel 18',
    uitleg: 'U kunt vragen om gegevens even niet te gebruiken, bijvoorbeeld zolang we nagaan of ze kloppen.',
  },
  {
    recht: 'Bezwaar',
    artikel: 'AVG artikel 21',
    uitleg: 'U kunt bezwaar maken tegen het gebruik van uw gegevens. Dan kijken we opnieuw of dat mag.',
  },
];

export const klacht = {
  instantie: 'Autoriteit Persoonsgegevens',
  adres: 'Postbus 93374, 2509 AJ Den Haag',
  website: 'https://autoriteitpersoonsgegevens.nl',
  uitleg:
    'Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens. Dat mag altijd, ook als u eerst bij ons een klacht hebt ingediend.',
};

export const uitlegKoppelen =
  'Soms komt iemand twee keer voor, bijvoorbeeld omdat twee organisaties dezelfde persoon aanmelden. ' +
  'Het systeem vergelijkt dan de achternaam, de eerste letter van de voornaam, de geboortedatum en de postcode. ' +
  'Elke overeenkomst telt voor punten mee: dezelfde achternaam het meest, dan de geboortedatum, dan de voorletter en de postcode. ' +
  'Bijna dezelfde achternaam of geboortedatum (één letter of cijfer anders) telt minder mee. ' +
  'Zijn er genoeg punten (een score van 0,6 of meer), dan doet het systeem een voorstel. ' +
  'Het systeem voegt nooit zelf iets samen: een procesregisseur van het Zorg- en Veiligheidshuis beslist. ' +
  'Hieronder staat welke voorstellen over u zijn gedaan en wie erover heeft beslist.';

export const uitlegLogbewijs =
  'Elke keer dat Knooppunt gegevens doorgeeft, wordt dat eerst vastgelegd in een logboek dat niet ongemerkt te veranderen is. ' +
  'Bij elke verstrekking in dit rapport staat een bewijs (een Merkle-inclusiebewijs) dat die regel echt in het logboek staat, ' +
  'onder een ondertekend controlepunt (checkpoint). Met de publieke sleutel van het logboek kan iedereen dat zelf controleren, ' +
  'ook zonder verbinding met Knooppunt, bijvoorbeeld met: knooppunt ledger verify-report rapport.json --key sleutel.txt.';

export const uitlegVolledigheid =
  'De bewijzen tonen aan dat elke genoemde verstrekking in het logboek staat, precies zoals hier beschreven. ' +
  'Ze tonen niet aan dat de lijst volledig is: een weggelaten regel is met deze bewijzen niet te zien. ' +
  'Wel ligt vast hoe groot het logboek op dat moment was (het checkpoint). De Autoriteit Persoonsgegevens of een andere ' +
  'controleur kan het hele logboek tot dat punt opvragen en zelf nagaan of er regels over u ontbreken. ' +
  'Verstrekkingen van politiegegevens (Wpg) staan er alleen in als ze in de vier jaar voor de peildatum zijn gedaan.';
