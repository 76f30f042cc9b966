import { GroupEntity } from '../modules/access/entities/group.entity';
import { RoleEntity } from '../modules/access/entities/role.entity';
import { AccountEntity } from '../modules/accounts/entities/account.entity';
import { ContactEntity } from '../modules/contacts/entities/contact.entity';
import { CustomFieldEntity } from '../modules/custom-fields/entities/custom-field.entity';
import { DealContactEntity } from '../modules/deals/entities/deal-contact.entity';
import { DealEntity } from '../modules/deals/entities/deal.entity';
import { NoteEntity } from '../modules/notes/entities/note.entity';
import { TaskEntity } from '../modules/tasks/entities/task.entity';
import { LeadConversionEntity } from '../modules/lead-conversions/entities/lead-conversion.entity';
import { LeadEntity } from '../modules/leads/entities/lead.entity';
import { NamedItemEntity } from '../modules/named-items/entities/named-item.entity';
import { PipelineEntity } from '../modules/pipelines/entities/pipeline.entity';
import { StageEntity } from '../modules/pipelines/entities/stage.entity';
import { JobEntity } from '../modules/smart-lists/entities/job.entity';
import { SmartListEntity } from '../modules/smart-lists/entities/smart-list.entity';
import { ApiTokenEntity } from '../modules/users/entities/api-token.entity';
import { UserEntity } from '../modules/users/entities/user.entity';

export const recordsEntities = [
  AccountEntity,
  RoleEntity,
  GroupEntity,
  UserEntity,
  ApiTokenEntity,
  PipelineEntity,
  StageEntity,
  NamedItemEntity,
  CustomFieldEntity,
  LeadEntity,
  LeadConversionEntity,
  ContactEntity,
  DealEntity,
  DealContactEntity,
  NoteEntity,
  TaskEntity,
  SmartListEntity,
  JobEntity,
];
