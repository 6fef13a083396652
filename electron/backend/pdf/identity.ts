import { getProfile } from '../profile/service';
import type { CallContext } from '../rpc/handlers';

export interface CoalitionIdentity {
  name: string;
  /** The logo's bytes (PNG, JPEG or WebP as uploaded), or null. */
  logo: Buffer | null;
}

/** Who a document speaks for: the coalition profile's name and logo ("Our coalition" before the profile is set up). */
export async function coalitionIdentity(ctx: Pick<CallContext, 'db'>): Promise<CoalitionIdentity> {
  const profile = await getProfile(ctx);
  const dataUrl = profile?.logoDataUrl ?? null;
  const comma = dataUrl ? dataUrl.indexOf(',') : -1;
  return {
    name: profile?.name ?? 'Our coalition',
    logo: dataUrl && comma > 0 ? Buffer.from(dataUrl.slice(comma + 1), 'base64') : null,
  };
}
