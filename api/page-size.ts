/** Largest page any list returns; asking for more is an error, not a silent cap. */
export const maxPageSize = 100;
/** The page a connection returns when neither first nor last is given. */
export const defaultPageSize = 20;
