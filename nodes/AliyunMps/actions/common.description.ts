/** How the node names its service in shared field texts. */
export const SERVICE_NAME = 'MPS';
