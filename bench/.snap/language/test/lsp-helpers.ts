import { EmptyFileSystem } from 'langium';
import { createCoopLspServices, loadAndValidate } from 'coop-language';

/** Language-server services with the built-in catalogue loaded. */
export async function createLspTestServices() {
    const services = createCoopLspServices(EmptyFileSystem);
    await loadAndValidate(services.shared, []);
    return services;
}
