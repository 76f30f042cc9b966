import type { LeadConversionDto } from '@crm/contracts';
import { iso } from '../../common/time';
import type { LeadConversionEntity } from './entities/lead-conversion.entity';

export function toLeadConversionDto(conversion: LeadConversionEntity): LeadConversionDto {
  return {
    id: conversion.id,
    lead_id: conversion.lead_id,
    individual_id: conversion.individual_id,
    organization_id: conversion.organization_id,
    deal_id: conversion.deal_id,
    creator_id: conversion.creator_id,
    created_at: iso(conversion.created_at),
  };
}
