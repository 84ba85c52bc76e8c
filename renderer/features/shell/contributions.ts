/**
 * Every feature that contributes to the shell, one import line each. A feature's contribution
 * file registers its area (and its case tabs) from its own folder; the shell knows it only by
 * this line.
 */
import '../home/home.contribution';
import '../cases/cases.contribution';
import '../sharing/sharing.contribution';
import './planned-areas.contribution';
import '../admin/admin.contribution';
import '../psychometrics/psychometrics.contribution';
import '../interventions/area/interventions-area.contribution';
import '../assessments/assessments.contribution';
import '../consultations/consultations.contribution';
import '../attachment/attachment.contribution';
import '../interventions/interventions.contribution';
import '../training/training.contribution';
import '../safe-home/safe-home.contribution';
import '../dashboard/dashboard.contribution';
import '../settings/settings.contribution';
import '../retention/retention.contribution';
