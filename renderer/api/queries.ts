import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input, Method, Output } from '@shared/contract';
import { call, type RpcError } from './client';

/** Query keys are ['rpc', method, input]: invalidating ['rpc', method] refreshes every input. */
function rpcKey<M extends Method>(method: M, input?: Input<M>) {
  return input === undefined ? (['rpc', method] as const) : (['rpc', method, input] as const);
}

function rpcQuery<M extends Method>(method: M, input: Input<M>) {
  return queryOptions<Output<M>, RpcError>({
    queryKey: rpcKey(method, input),
    queryFn: () => call(method, input),
  });
}

export function useRpcQuery<M extends Method>(method: M, input: Input<M>, options: { enabled?: boolean } = {}) {
  return useQuery({ ...rpcQuery(method, input), ...options });
}

function invalidateMethods(client: QueryClient, methods: readonly Method[]): Promise<void> {
  return Promise.all(methods.map((m) => client.invalidateQueries({ queryKey: rpcKey(m) }))).then(() => undefined);
}

/**
 * A mutation over one method. `invalidates` lists the reads whose answers it changes; they are
 * refetched before the mutation counts as settled, so the screen never shows stale data.
 */
export function useRpcMutation<M extends Method>(method: M, options: { invalidates?: readonly Method[] } = {}) {
  const client = useQueryClient();
  return useMutation<Output<M>, RpcError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => invalidateMethods(client, options.invalidates ?? []),
  });
}
