import type { Handlers } from '../rpc/handlers';
import { getProfile, saveProfile, setLogo } from './service';

export const profileHandlers: Handlers<'profile.get' | 'profile.save' | 'profile.setLogo'> = {
  'profile.get': (_input, ctx) => getProfile(ctx),
  'profile.save': (input, ctx) => saveProfile(ctx, input),
  'profile.setLogo': (input, ctx) => setLogo(ctx, input.logo),
};
