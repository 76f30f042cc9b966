import 'reflect-metadata';
import { ServiceEntry, startService } from '@crm/platform';
import { GatewayModule } from './gateway.module';
import { configureGatewayHttp } from './http/configure-http';

/** How the launcher (embedded) and `main.ts` (distributed) start the gateway. */
export const gatewayService: ServiceEntry = {
  name: 'gateway',
  start(runtime, { httpPort }) {
    if (httpPort === undefined) throw new Error('the gateway serves HTTP: give it an httpPort');
    return startService(runtime, GatewayModule.register(runtime), {
      httpPort,
      answersRequests: false,
      configureHttp: (app) => configureGatewayHttp(app, runtime.settings.PUBLIC_URL, runtime.settings.WEB_ROOT),
    });
  },
};
