import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type RpcError } from '../../api/client';
import { notifyError } from '../../api/errors';

type Target = 'workspace.openSample' | 'workspace.openDefault';

/**
 * Switches the open workspace. The host also announces the switch as an event; refetching
 * here as well means the screen is right even if the event arrives late.
 */
export function useWorkspaceSwitch(target: Target) {
  const client = useQueryClient();
  return useMutation<unknown, RpcError>({
    mutationFn: () => call(target, {}),
    onSuccess: () => client.invalidateQueries(),
    onError: (error) =>
      notifyError(target === 'workspace.openSample' ? 'The sample coalition could not be opened' : 'Your workspace could not be opened', error),
  });
}
