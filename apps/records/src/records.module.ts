import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, ServiceRuntime } from '@crm/platform';
import { recordsEntities } from './database/entities';
import { recordsMigrations } from './database/migrations';
import { AccessModule } from './modules/access/access.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { ContactsByEmailModule } from './modules/contacts-by-email/contacts-by-email.module';
import { CustomFieldsModule } from './modules/custom-fields/custom-fields.module';
import { DealsModule } from './modules/deals/deals.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IntegrationOwnersModule } from './modules/integration-owners/integration-owners.module';
import { LeadConversionsModule } from './modules/lead-conversions/lead-conversions.module';
import { LeadFormsModule } from './modules/lead-forms/lead-forms.module';
import { LeadsModule } from './modules/leads/leads.module';
import { MailAddressesModule } from './modules/mail-addresses/mail-addresses.module';
import { NamedItemsModule } from './modules/named-items/named-items.module';
import { NotesModule } from './modules/notes/notes.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { PartiesModule } from './modules/parties/parties.module';
import { PipelinesModule } from './modules/pipelines/pipelines.module';
import { SignInModule } from './modules/sign-in/sign-in.module';
import { SmartListsModule } from './modules/smart-lists/smart-lists.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class RecordsModule {
  static register(runtime: ServiceRuntime, http: boolean): DynamicModule {
    return {
      module: RecordsModule,
      imports: [
        PlatformModule.forRoot({ runtime, http, database: { entities: recordsEntities, migrations: recordsMigrations } }),
        AccessModule,
        AccountsModule,
        UsersModule,
        SignInModule,
        PipelinesModule,
        NamedItemsModule,
        CustomFieldsModule,
        LeadsModule,
        IntegrationOwnersModule,
        ImportsModule,
        LeadConversionsModule,
        ContactsModule,
        DealsModule,
        PartiesModule,
        NotesModule,
        TasksModule,
        SmartListsModule,
        LeadFormsModule,
        ContactsByEmailModule,
        MailAddressesModule,
      ],
    };
  }
}
