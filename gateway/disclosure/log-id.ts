/** The name of Knooppunt's disclosure log; also the origin line of its signed checkpoints. */
export const DISCLOSURE_LOG = 'knooppunt.example/verstrekkingen';
