/** The second administrator of the retention spec, made by its seed (`retention-seed.ts`). */
export const SECOND_ADMIN = { username: 'bwright', displayName: 'Bo Wright', password: 'second administrator pass' };
