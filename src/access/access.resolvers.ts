import type { Resolvers } from '../graphql/generated.js';
import { toEnum } from '../core/enums.js';
import type { Role } from '../graphql/generated.js';

export const accessResolvers: Resolvers = {
  Query: {
    viewer: (_root, _args, ctx) =>
      ctx.principal.kind === 'anonymous'
        ? { authenticated: false, name: null, role: null, entities: [], memberStates: [] }
        : {
            authenticated: true,
            name: ctx.principal.name,
            role: toEnum<Role>(ctx.principal.role),
            entities: [...ctx.principal.entities],
            memberStates: [...ctx.principal.memberStates],
          },
  },
};
