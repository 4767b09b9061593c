export default definePageConfig({ navigationBarTitleText: '工作邀请' });
