// The administration under /admin: regions (admins), sites, people, devices and enrollment codes,
// label sheets, item search and the audit log, for a signed-in coordinator or admin of the region.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { adminGuard } from './adminCommon';
import { adminDeviceRoutes } from './adminDevices';
import { adminItemRoutes } from './adminItems';
import { adminPeopleRoutes } from './adminPeople';
import { adminRegionRoutes } from './adminRegions';
import { adminSiteRoutes } from './adminSites';
import { labelRoutes } from './labels';

export function adminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Its own encapsulated scope, so the guard covers these routes and no others.
  void app.register(
    (admin, _opts, done) => {
      admin.addHook('onRequest', adminGuard(ctx));
      adminSiteRoutes(admin, ctx);
      adminPeopleRoutes(admin, ctx);
      adminRegionRoutes(admin, ctx);
      adminDeviceRoutes(admin, ctx);
      labelRoutes(admin, ctx);
      adminItemRoutes(admin, ctx);
      done();
    },
    { prefix: '/admin' },
  );
}
