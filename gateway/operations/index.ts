import { getHealth } from './beheer/getHealth.js';
import { getOpenapiDocument } from './beheer/getOpenapiDocument.js';
import { getReady } from './beheer/getReady.js';
import { listConvenanten } from './convenant/listConvenanten.js';
import { simulateConvenant } from './convenant/simulateConvenant.js';
import { createToken } from './identiteit/createToken.js';
import { getEigenPartner } from './identiteit/getEigenPartner.js';
import { getJwks } from './identiteit/getJwks.js';
import { addInformatie } from './intake/addInformatie.js';
import { createAanmelding } from './intake/createAanmelding.js';
import { addPartnerCertificate } from './partnerbeheer/addPartnerCertificate.js';
import { addPartnerKey } from './partnerbeheer/addPartnerKey.js';
import { getPartner } from './partnerbeheer/getPartner.js';
import { listPartners } from './partnerbeheer/listPartners.js';
import { registerPartner } from './partnerbeheer/registerPartner.js';
import { revokePartnerCertificate } from './partnerbeheer/revokePartnerCertificate.js';
import { revokePartnerKey } from './partnerbeheer/revokePartnerKey.js';
import { updatePartnerStatus } from './partnerbeheer/updatePartnerStatus.js';
import { acknowledgeKennisgeving } from './rechtenuitvoering/acknowledgeKennisgeving.js';
import { answerRectificatie } from './rechtenuitvoering/answerRectificatie.js';
import { listKennisgevingen } from './rechtenuitvoering/listKennisgevingen.js';
import { listRectificaties } from './rechtenuitvoering/listRectificaties.js';
import { addDeelnemer } from './triage/addDeelnemer.js';
import { decideKoppelvoorstel } from './triage/decideKoppelvoorstel.js';
import { getTriage } from './triage/getTriage.js';
import { listKoppelvoorstellen } from './triage/listKoppelvoorstellen.js';
import { recordTriageBesluit } from './triage/recordTriageBesluit.js';
import { splitBetrokkene } from './triage/splitBetrokkene.js';
import { getCasus } from './verstrekking/getCasus.js';
import { getCasusBetrokkenen } from './verstrekking/getCasusBetrokkenen.js';
import { getCasusInformatie } from './verstrekking/getCasusInformatie.js';
import { getCasusSysteem } from './verstrekking/getCasusSysteem.js';
import { exportLog } from './verstrekkingslog/exportLog.js';
import { getAnomalySignals } from './verstrekkingslog/getAnomalySignals.js';
import { getCheckpoint } from './verstrekkingslog/getCheckpoint.js';
import { listCasussen } from './verstrekking/listCasussen.js';
import { linkBetrokkenen } from './triage/linkBetrokkenen.js';
import { addCheckpointCosignature } from './verstrekkingslog/addCheckpointCosignature.js';
import { getConsistencyProof } from './verstrekkingslog/getConsistencyProof.js';
import { getInclusionProof } from './verstrekkingslog/getInclusionProof.js';
import { getLatestCheckpoint } from './verstrekkingslog/getLatestCheckpoint.js';
import { getLogVerifierKey } from './verstrekkingslog/getLogVerifierKey.js';
import { listLogEntries } from './verstrekkingslog/listLogEntries.js';
import { searchLog } from './verstrekkingslog/searchLog.js';
import { askVerwijsindex } from './verwijsindex/askVerwijsindex.js';
import { createInzagerapport } from './rechten/createInzagerapport.js';
import { getVerzoekInzagerapport } from './rechten/getVerzoekInzagerapport.js';
import { registerVerzoek } from './rechten/registerVerzoek.js';
import { listVerzoeken } from './rechten/listVerzoeken.js';
import { listVerzoekTermijnen } from './rechten/listVerzoekTermijnen.js';
import { getVerzoek } from './rechten/getVerzoek.js';
import { changeVerzoekStatus } from './rechten/changeVerzoekStatus.js';
import { executeVerzoek } from './rechten/executeVerzoek.js';
import { liftVerzoekBeperking } from './rechten/liftVerzoekBeperking.js';
import { extendVerzoek } from './rechten/extendVerzoek.js';
import { recomputeVerzoekTermijn } from './rechten/recomputeVerzoekTermijn.js';
import { addWeglating } from './rechten/addWeglating.js';
import { deleteWeglating } from './rechten/deleteWeglating.js';
import { listWeigeringsgronden } from './rechten/listWeigeringsgronden.js';
import { getSignaalfunctie } from './signaalfunctie/getSignaalfunctie.js';
import { listDodeBrieven } from './webhooks/listDodeBrieven.js';
import { listWebhooks } from './webhooks/listWebhooks.js';
import { putWebhook } from './webhooks/putWebhook.js';
import { replayDodeBrief } from './webhooks/replayDodeBrief.js';
import { createImport } from './importen/createImport.js';
import { getImport } from './importen/getImport.js';
import { getImportRapport } from './importen/getImportRapport.js';
import { createCasusOvergang } from './casus/createCasusOvergang.js';
import { endDeelname } from './casus/endDeelname.js';
import { getCasusLevensloop } from './casus/getCasusLevensloop.js';
import { findPersoonCasussen } from './casus/findPersoonCasussen.js';
import { getCasusOverzicht } from './casus/getCasusOverzicht.js';
import { mergeCasus } from './casus/mergeCasus.js';
import { splitCasus } from './casus/splitCasus.js';
import { addAgendapunt } from './casusoverleg/addAgendapunt.js';
import { createCasusoverleg } from './casusoverleg/createCasusoverleg.js';
import { getCasusoverleg } from './casusoverleg/getCasusoverleg.js';
import { recordNotulen } from './casusoverleg/recordNotulen.js';
import { addVoortgang } from './plan/addVoortgang.js';
import { createInterventie } from './plan/createInterventie.js';
import { getCasusPlan } from './plan/getCasusPlan.js';
import { listCasusSignalen } from './plan/listCasusSignalen.js';
import { listInterventies } from './plan/listInterventies.js';
import type { Operation, OperationId } from './operation.js';

/**
 * Every contract operation's handler, by operationId. The type demands exactly the contract's
 * operationIds (from the generated `operations`): a missing handler or one without an operation does
 * not compile.
 */
export const operationHandlers: { [K in OperationId]: Operation<K> } = {
  getHealth,
  getOpenapiDocument,
  getReady,
  listConvenanten,
  simulateConvenant,
  createToken,
  getEigenPartner,
  getJwks,
  addInformatie,
  createAanmelding,
  addPartnerCertificate,
  addPartnerKey,
  getPartner,
  listPartners,
  registerPartner,
  revokePartnerCertificate,
  revokePartnerKey,
  updatePartnerStatus,
  addDeelnemer,
  endDeelname,
  getCasusLevensloop,
  getCasusOverzicht,
  findPersoonCasussen,
  mergeCasus,
  splitCasus,
  createCasusOvergang,
  createInterventie,
  listInterventies,
  getCasusPlan,
  addVoortgang,
  listCasusSignalen,
  createCasusoverleg,
  getCasusoverleg,
  addAgendapunt,
  recordNotulen,
  decideKoppelvoorstel,
  getTriage,
  listKoppelvoorstellen,
  recordTriageBesluit,
  splitBetrokkene,
  getCasus,
  getCasusBetrokkenen,
  getCasusInformatie,
  getCasusSysteem,
  listRectificaties,
  answerRectificatie,
  listKennisgevingen,
  acknowledgeKennisgeving,
  exportLog,
  getAnomalySignals,
  getCheckpoint,
  listCasussen,
  linkBetrokkenen,
  addCheckpointCosignature,
  getConsistencyProof,
  getInclusionProof,
  getLatestCheckpoint,
  getLogVerifierKey,
  listLogEntries,
  searchLog,
  askVerwijsindex,
  createInzagerapport,
  getVerzoekInzagerapport,
  registerVerzoek,
  listVerzoeken,
  listVerzoekTermijnen,
  getVerzoek,
  changeVerzoekStatus,
  executeVerzoek,
  liftVerzoekBeperking,
  extendVerzoek,
  recomputeVerzoekTermijn,
  addWeglating,
  deleteWeglating,
  listWeigeringsgronden,
  getSignaalfunctie,
  putWebhook,
  listDodeBrieven,
  listWebhooks,
  replayDodeBrief,
  createImport,
  getImport,
  getImportRapport,
};
