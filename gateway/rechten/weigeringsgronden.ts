/**
 * Grounds for withholding an item from an answer, or refusing a whole request: stable machine codes (as
 * the Data Rights Protocol's denial reasons) with the article, a short Dutch label (B1) and whether the
 * copy says by default that something was withheld. Saying so can itself reveal an investigation, so the
 * grounds that protect one default to silence; the privacy officer decides per item.
 */
export interface Weigeringsgrond {
  code: string;
  artikel: string;
  label: string;
  vermelden: boolean;
  /** Only for refusing a whole request, not for one item. */
  geheelVerzoek?: boolean;
}

export const weigeringsgronden = [
  {
    code: 'WPG_27_ONDERZOEK',
    artikel: 'Wpg art. 27 lid 1 onder a en b',
    label: 'Dit gegeven kunnen we nu niet geven. Het kan een onderzoek van politie of justitie schaden.',
    vermelden: false,
  },
  {
    code: 'WPG_27_DERDEN',
    artikel: 'Wpg art. 27 lid 1 onder d',
    label: 'Dit gegeven gaat ook over iemand anders. Die persoon beschermen we.',
    vermelden: true,
  },
  {
    code: 'AVG_23_ONDERZOEK',
    artikel: 'UAVG art. 41 lid 1 onder d, op grond van AVG art. 23 lid 1 onder d',
    label: 'Dit gegeven kunnen we nu niet geven. Het kan het voorkomen of opsporen van strafbare feiten schaden.',
    vermelden: false,
  },
  {
    code: 'AVG_15_4_RECHTEN_ANDEREN',
    artikel: 'AVG art. 15 lid 4',
    label: 'Een kopie van dit gegeven zou de rechten van anderen schaden.',
    vermelden: true,
  },
  {
    code: 'WJSG_ONDERZOEK',
    artikel: 'Wjsg art. 18 jo. art. 43 lid 2 (gehele of gedeeltelijke afwijzing)',
    label: 'Dit justitiële gegeven kunnen we nu niet geven. Het kan de strafvordering schaden.',
    vermelden: false,
  },
  {
    code: 'BEROEPSGEHEIM',
    artikel: 'UAVG art. 41 lid 1 onder i (bescherming van de betrokkene of van de rechten van anderen)',
    label: 'Dit gegeven valt onder een beroepsgeheim van een hulpverlener.',
    vermelden: true,
  },
  {
    code: 'KENNELIJK_ONGEGROND_BUITENSPORIG',
    artikel: 'AVG art. 12 lid 5',
    label:
      'We behandelen dit verzoek niet. Het is duidelijk ongegrond of buitensporig, bijvoorbeeld omdat het steeds herhaald wordt.',
    vermelden: true,
    geheelVerzoek: true,
  },
] as const satisfies readonly Weigeringsgrond[];

export type WeigeringsgrondCode = (typeof weigeringsgronden)[number]['code'];

export function weigeringsgrond(code: string): Weigeringsgrond | undefined {
  return (weigeringsgronden as readonly Weigeringsgrond[]).find((g) => g.code === code);
}
