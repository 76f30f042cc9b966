import { Module } from '@nestjs/common';
import { OutboundTargetResolver } from './outbound-target.resolver';

@Module({ providers: [OutboundTargetResolver], exports: [OutboundTargetResolver] })
export class OutboundTargetsModule {}
