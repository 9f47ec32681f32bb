import { weigeringsgronden } from '../../rechten/weigeringsgronden.js';
import type { Operation } from '../operation.js';
import { privacyOfficer } from '../roles.js';

/** The withholding and refusal grounds. */
export const listWeigeringsgronden: Operation<'listWeigeringsgronden'> = {
  roles: privacyOfficer,
  async handle() {
    return {
      status: 200,
      body: {
        gronden: weigeringsgronden.map((g) => ({ ...g, geheelVerzoek: 'geheelVerzoek' in g && g.geheelVerzoek })),
      },
    };
  },
};
