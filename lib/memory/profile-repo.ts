/** The creator's profile row: there is at most one, under PROFILE_KEY. */
import { PROFILE_KEY, type ProfileRow, type UnderstudyDB } from './db';

export function getProfile(db: UnderstudyDB): Promise<ProfileRow | undefined> {
  return db.profile.get(PROFILE_KEY);
}
